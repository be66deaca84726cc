package api

// BodyBuffer is the body chunk (or whole buffered body) handed to a data hook. It is
// valid only during that hook.
type BodyBuffer interface {
	Len() int
	Bytes() []byte
	String() string
	Set(data []byte)
	SetString(data string)
	Append(data []byte)
	AppendString(data string)
	Prepend(data []byte)
	PrependString(data string)
	// Drain removes the first n bytes.
	Drain(n int)
}

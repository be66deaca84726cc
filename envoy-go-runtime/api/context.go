package api

// LogLevel is Envoy's log level; the values are Envoy's.
type LogLevel int

const (
	LogTrace    LogLevel = 0
	LogDebug    LogLevel = 1
	LogInfo     LogLevel = 2
	LogWarn     LogLevel = 3
	LogError    LogLevel = 4
	LogCritical LogLevel = 5
)

// Context is what a backend gives one filter instance (one HTTP stream).
type Context interface {
	// Log writes message to Envoy's log at level.
	Log(level LogLevel, message string)
	// SendLocalReply answers the client directly and returns LocalReply.
	SendLocalReply(status int, body string, headers []Header, details string) Status
}

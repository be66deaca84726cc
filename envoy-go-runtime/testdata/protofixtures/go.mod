// Generates the protobuf fixtures of ../configs with the official protobuf-go encoder, so
// the runtime's hand-written wire reader (and the mock host's writer) are checked against
// bytes they did not produce. A separate module: the runtime itself has no dependencies.
module mosnts.local/protofixtures

go 1.24

require google.golang.org/protobuf v1.36.11


*type.googleapis.com/google.protobuf.Struct


ab
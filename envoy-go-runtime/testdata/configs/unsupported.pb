
.type.googleapis.com/google.protobuf.Int64Value

/type.googleapis.com/google.protobuf.StringValue
{"requiredHeader": 7}

,type.googleapis.com/udpa.type.v1.TypedStruct!

requiredHeader	x-api-key
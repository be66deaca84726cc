module github.com/mosn-ts/envoy-go-runtime

go 1.24

package js

import (
	"encoding/hex"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// MathRandom is Math.random(): the top 53 bits of api.Random() scaled into [0, 1).
func MathRandom() float64 {
	return float64(api.Random()>>11) / (1 << 53)
}

// RandomUUID is crypto.randomUUID(): a version 4 UUID from two api.Random() draws,
// written big-endian, with the version and variant bits set.
func RandomUUID() string {
	var b [16]byte
	hi, lo := api.Random(), api.Random()
	for i := 0; i < 8; i++ {
		b[i] = byte(hi >> (56 - 8*i))
		b[8+i] = byte(lo >> (56 - 8*i))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

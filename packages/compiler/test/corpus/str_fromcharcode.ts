console.log(String.fromCharCode(72, 105, 33), String.fromCharCode(0xd83d, 0xde00), String.fromCharCode(65.9, 65536 + 66));
console.log(String.fromCodePoint(128512, 65), String.fromCodePoint(0x1f600).length);
const codes: number[] = [];
for (const ch of "héllo") codes.push(ch.charCodeAt(0));
console.log(codes, String.fromCharCode(...codes));

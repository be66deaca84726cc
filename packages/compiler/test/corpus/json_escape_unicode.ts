const strs = ["plain", "quote\"back\\slash", "ctrl\u0001\u001f\u007f", "tab\tnl\ncr\r", "é😀", "\ud800 lone", "\u2028\u2029", "</script>", "\b\f"];
for (const s of strs) console.log(JSON.stringify(s));
console.log(JSON.stringify({ "key\nwith": "v", "😀": 1 }));

console.log("a1b2c3".split(/\d/), "a1b2c3".split(/(\d)/), "a, b ,c".split(/\s*,\s*/), "".split(/,/), "abc".split(/(?:)/));
console.log("one  two   three".split(/\s+/), "x".split(/(x)/), "a-b_c".split(/[-_]/, 2));

function escapeRe(s: string): string { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
console.log(escapeRe("a.b*c"), escapeRe("(x)"));
const word = new RegExp("cat", "g");
console.log("cat concat".replace(word, "dog"), word.source, word.flags);
const ci = new RegExp("^hello", "i");
console.log(ci.test("HELLO world"), ci.test("say hello"));

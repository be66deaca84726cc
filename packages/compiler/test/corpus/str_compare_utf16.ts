const words = ["zebra", "Zebra", "apple", "Äpfel", "😀", "\uffff", "éclair", "eclair", "", "a", "A", "10", "9", "\ud7ff", "\ue000"];
console.log([...words].sort().map((w) => JSON.stringify(w)).join(" "));
console.log("😀" < "\uffff", "😀" > "\ue000", "a" < "b", "B" < "a", "abc" < "abd", "ab" < "abc", "" < "a");
console.log(["b", "a", "c"].sort().reverse());

const s = "a-b-c-b";
console.log(s.replace("b", "X"), s.replaceAll("b", "Y"), s.replace("z", "Q"));
console.log(s.replace("b", "[$&]"), s.replaceAll("-", "$$"), "abc".replaceAll("", "."));

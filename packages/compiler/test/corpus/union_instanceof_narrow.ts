class Cat { meow(): string { return "meow"; } }
class Dog { bark(): string { return "woof"; } }
function speak(a: Cat | Dog | string): string {
  if (a instanceof Cat) return a.meow();
  if (a instanceof Dog) return a.bark();
  return a.toUpperCase();
}
console.log([new Cat(), new Dog(), "hi"].map(speak).join(" "));

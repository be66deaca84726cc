class Animal {
  name: string;
  legs = 4;
  constructor(name: string) {
    this.name = name;
  }
  speak(): string {
    return `${this.name} makes a sound`;
  }
  describe(): string {
    return `${this.speak()} (${this.legs} legs)`;
  }
}
class Dog extends Animal {
  breed: string;
  constructor(name: string, breed: string) {
    super(name);
    this.breed = breed;
  }
  override speak(): string {
    return `${this.name} barks`;
  }
}
class Bird extends Animal {
  override legs = 2;
  override speak(): string {
    return `${super.speak()} and sings`;
  }
}
const animals: Animal[] = [new Animal("generic"), new Dog("rex", "lab"), new Bird("tweety")];
for (const a of animals) console.log(a.describe());
const d = new Dog("fido", "pug");
console.log(d.breed, d.name, d.legs);
console.log(d instanceof Dog, d instanceof Animal);
const b: Animal = animals[2]!;
console.log(b instanceof Dog, b instanceof Bird, b instanceof Animal);
console.log(JSON.stringify(d));
console.log(d);
console.log(animals);

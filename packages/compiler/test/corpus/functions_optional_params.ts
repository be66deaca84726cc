function greet(name: string, greeting?: string): string {
  return `${greeting ?? "Hello"}, ${name}`;
}
function power(base: number, exp = 2): number {
  return base ** exp;
}
console.log(greet("a"), greet("b", "Hi"), String(power(3)), String(power(2, 8)));

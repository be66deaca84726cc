class A { describe(): string { return "A"; } level(): number { return 1; } }
class B extends A { override describe(): string { return "B<" + super.describe() + ">"; } override level(): number { return super.level() + 1; } }
class C extends B { override describe(): string { return "C<" + super.describe() + ">"; } override level(): number { return super.level() * 10; } }
const items: A[] = [new A(), new B(), new C()];
for (const it of items) console.log(it.describe(), it.level(), it instanceof B, it instanceof C);

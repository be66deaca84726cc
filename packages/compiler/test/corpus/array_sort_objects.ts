interface Emp {
  name: string;
  dept: string;
  salary: number;
}
const emps: Emp[] = [
  { name: "zoe", dept: "eng", salary: 120 },
  { name: "adam", dept: "ops", salary: 90 },
  { name: "bea", dept: "eng", salary: 120 },
  { name: "carl", dept: "ops", salary: 95 },
  { name: "dora", dept: "eng", salary: 100 },
];
const byDeptThenSalary = [...emps].sort((a, b) => (a.dept < b.dept ? -1 : a.dept > b.dept ? 1 : b.salary - a.salary));
console.log(byDeptThenSalary.map((e) => `${e.dept}/${e.name}/${e.salary}`).join(" "));
const totals = emps.reduce<Record<string, number>>((acc, e) => {
  acc[e.dept] = (acc[e.dept] ?? 0) + e.salary;
  return acc;
}, {});
console.log(totals);
const names = emps.map((e) => e.name).sort();
console.log(names, names.indexOf("carl"), names.findIndex((n) => n.startsWith("d")));
console.log(emps.filter((e) => e.salary >= 100).length, emps.some((e) => e.dept === "hr"), emps.every((e) => e.salary > 80));

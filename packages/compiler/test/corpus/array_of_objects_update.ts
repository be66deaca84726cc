interface Task {
  title: string;
  done: boolean;
}
const tasks: Task[] = [{ title: "a", done: false }, { title: "b", done: true }];
tasks[0]!.done = true;
tasks.push({ title: "c", done: false });
const pending = tasks.filter((t) => !t.done).map((t) => t.title);
console.log(pending.join(","), String(tasks.every((t) => t.title.length === 1)));
console.log(JSON.stringify(tasks));

interface Entity { id: number }
interface Repo<T extends Entity> { items: Map<number, T>; nextId: number }
function create<T extends Entity>(): Repo<T> { return { items: new Map(), nextId: 1 }; }
function insert<T extends Entity>(r: Repo<T>, make: (id: number) => T): T { const e = make(r.nextId++); r.items.set(e.id, e); return e; }
interface Note extends Entity { text: string }
const notes = create<Note>();
insert(notes, (id) => ({ id, text: "first" }));
insert(notes, (id) => ({ id, text: "second" }));
console.log([...notes.items.values()].map((n) => `${n.id}:${n.text}`), notes.nextId);

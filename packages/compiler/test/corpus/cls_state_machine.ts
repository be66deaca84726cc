type State = "idle" | "running" | "done";
class Job {
  private state: State = "idle";
  private history: State[] = [];
  private move(to: State): void { this.history.push(this.state); this.state = to; }
  start(): boolean { if (this.state !== "idle") return false; this.move("running"); return true; }
  finish(): boolean { if (this.state !== "running") return false; this.move("done"); return true; }
  get trail(): string { return [...this.history, this.state].join("->"); }
}
const j = new Job();
console.log(j.finish(), j.start(), j.start(), j.finish(), j.trail);

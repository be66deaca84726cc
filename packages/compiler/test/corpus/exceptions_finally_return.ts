function f(): string {
  try {
    return "try";
  } finally {
    console.log("finally runs");
  }
}
console.log(f());
function g(): number {
  let x = 1;
  try {
    x = 2;
    return x;
  } finally {
    x = 3;
    console.log("x in finally", x);
  }
}
console.log(g());
function h(): string {
  try {
    throw new Error("inner");
  } catch (e) {
    return `caught ${e instanceof Error ? e.message : ""}`;
  } finally {
    console.log("cleanup");
  }
}
console.log(h());
function override(): string {
  try {
    return "original";
  } finally {
    // eslint-disable-next-line no-unsafe-finally
    return "overridden";
  }
}
console.log(override());
function nested(): string[] {
  const log: string[] = [];
  for (let i = 0; i < 3; i++) {
    try {
      try {
        if (i === 1) throw new Error("one");
        if (i === 2) continue;
        log.push(`ok ${i}`);
      } finally {
        log.push(`inner finally ${i}`);
      }
    } catch (e) {
      log.push(`outer catch ${e instanceof Error ? e.message : ""}`);
    }
  }
  return log;
}
console.log(nested().join(" | "));

const out: string[] = [];
outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    try {
      if (j === 1) continue;
      if (i === 1 && j === 2) continue outer;
      if (i === 2 && j === 2) break outer;
      out.push(`${i}${j}`);
    } finally {
      out.push("f");
    }
  }
}
console.log(out.join(" "));

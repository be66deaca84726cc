const out: string[] = [];
for (let i = 0; i < 5; i++) {
  try {
    if (i === 1) continue;
    if (i === 3) break;
    out.push(String(i));
  } finally {
    out.push("f" + i);
  }
}
console.log(out.join(","));

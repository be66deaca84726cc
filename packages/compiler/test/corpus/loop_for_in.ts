const arr = ["x", "y", "z"];
for (const k in arr) {
  console.log(k + ":" + arr[Number(k)]);
}

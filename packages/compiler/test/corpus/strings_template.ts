const name = "mosn";
const n = 3;
const ok = true;
console.log(`name=${name} n=${n} half=${n / 2} ok=${ok} expr=${n * 2 + 1}`);
console.log(`nested ${`inner ${name}`}`);
console.log("concat " + n + " " + ok + " " + 1.5);

// atob's errors are Node 20's: "Invalid character" except for a length that leaves one
// character over.
for (const s of ["aGVsbG8=", "aGVsbG8==", "a===", "@@@@", "ab=c", "a", "YQ=", " Y Q = = ", "abcde"]) {
  try {
    console.log(JSON.stringify(atob(s)));
  } catch (e) {
    console.log(String(e));
  }
}

const raw = "a b&c=d/é?😀#";
const enc = encodeURIComponent(raw);
console.log(enc, decodeURIComponent(enc) === raw, encodeURI(raw), decodeURI(encodeURI(raw)));
console.log(decodeURI("%2F%41"), decodeURIComponent("%2F%41"));
for (const bad of ["%", "%zz", "%C3", "%E0%A4%A"]) {
  try {
    decodeURIComponent(bad);
    console.log("ok");
  } catch (e) {
    console.log(e instanceof URIError, e instanceof Error ? e.message : "");
  }
}
const b64 = btoa("hello:world");
console.log(b64, atob(b64), atob(" aGk= "), atob("aGk"), btoa(""), btoa("\u00ff\u00fe"), atob("//4=").charCodeAt(0));
try {
  btoa("😀");
} catch (e) {
  console.log("btoa failed", e instanceof Error ? e.name : "");
}

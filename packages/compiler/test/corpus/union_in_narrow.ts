interface Fish { swim: () => string }
interface Bird { fly: () => string; wings: number }
function move(a: Fish | Bird): string { return "swim" in a ? a.swim() : `${a.fly()} with ${a.wings} wings`; }
console.log(move({ swim: () => "splash" }), move({ fly: () => "whoosh", wings: 2 }));

enum Level { Low, Mid = 5, High }
console.log(Level.Low, Level.Mid, Level.High, Level[0], Level[5], Level[6], Level[Level.High]);
const names: string[] = [];
for (const l of [Level.Low, Level.Mid, Level.High]) names.push(Level[l] ?? "?");
console.log(names.join(","));

const date = /(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})/;
const m = date.exec("on 2024-03-15 and 2025-01-02");
console.log(m?.groups?.["y"], m?.groups?.["m"], m?.groups?.["d"], m?.index);
console.log("2024-03-15".replace(date, "$<d>/$<m>/$<y>"));
const all = [..."2024-03-15 2025-01-02".matchAll(/(?<y>\d{4})-\d{2}/g)].map((x) => x.groups?.["y"]);
console.log(all);

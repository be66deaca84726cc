// A type without members ({}): JSON.parse keeps what the document has; a config of that
// type (definePlugin<{}>) accepts only an empty object (test/sdk-surface-native.test.ts).
interface Envelope {
  kind: string;
  extra: {};
}
const e = JSON.parse('{"kind":"a","extra":{"z":1,"4":[true]}}') as Envelope;
console.log(e.kind, JSON.stringify(e.extra), JSON.stringify(e));
const bare = JSON.parse('{"y":null}') as {};
console.log(JSON.stringify(bare));

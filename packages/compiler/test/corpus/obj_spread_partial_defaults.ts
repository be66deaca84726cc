// The config idiom of gateway plugins: defaults overlaid with a partial user config.
interface Config {
  limit: number;
  prefix: string;
  strict: boolean;
  tags: string[];
  note?: string;
}
const DEFAULTS: Config = { limit: 10, prefix: "/api", strict: false, tags: ["a"] };

function configure(user: Partial<Config>): Config {
  return { ...DEFAULTS, ...user };
}

// Absent members keep the default; present ones replace it, in the source's key order.
console.log(configure({}));
console.log(configure({ limit: 5 }));
const c = configure({ strict: true, note: "n", prefix: "" });
console.log(c, Object.keys(c), JSON.stringify(c), "note" in c);

// A config decoded from JSON cannot hold undefined: its absent members keep the defaults.
const decoded = JSON.parse('{"prefix":"/v2","limit":0}') as Partial<Config>;
const merged = { ...DEFAULTS, ...decoded };
console.log(merged.limit + 1, merged.prefix.length, merged.strict, merged.tags.length, Object.keys(merged));

// An interface whose members are all optional, spread over a required one.
interface UserOptions {
  limit?: number;
  strict?: boolean;
}
const opts: UserOptions = {};
if (c.strict) opts.strict = c.strict;
const fromOpts = { ...DEFAULTS, ...opts, tags: [] };
console.log(fromOpts, fromOpts.strict === true);

// Several layers, and a later literal member replacing a spread one.
const layered = { ...DEFAULTS, ...{ limit: 1 } as Partial<Config>, ...decoded, prefix: "p" };
console.log(layered);

// Object.assign: into a fresh object, and into an existing one.
const fresh: Config = Object.assign({}, DEFAULTS, decoded);
console.log(fresh, fresh === DEFAULTS);
const target: Config = { ...DEFAULTS, tags: [] };
const same = Object.assign(target, { strict: true } as Partial<Config>, {} as Partial<Config>);
console.log(target, same === target);

// An explicit undefined in an optional member of the result is still copied, as JS does.
const cleared = { ...c, ...({ note: undefined } as Partial<Config>) };
console.log(cleared, "note" in cleared, Object.keys(cleared));

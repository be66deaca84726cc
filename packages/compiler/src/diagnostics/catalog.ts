/**
 * Every diagnostic the compiler reports, by stable code. Messages may hold `{0}`, `{1}`
 * placeholders filled by the factory. Codes never change meaning once published; codes of
 * constructs that became supported are retired (listed at the end), never reused.
 */
export interface DiagnosticTemplate {
  message: string;
  hint?: string;
}

export const catalog = {
  // 1xxx: the project itself.
  MTS1001: { message: "{0}" }, // a TypeScript error, message prefixed with its TS code
  MTS1002: { message: "Cannot read the entry module {0}.", hint: "Check the path given in the project's entries." },
  MTS1003: {
    message: "Module '{0}' cannot be compiled: only '@mosn-ts/sdk' and relative imports of project files are supported.",
    hint: "Move the code you need into the project, or use the SDK.",
  },

  // 2xxx: TypeScript constructs outside the subset.
  MTS2001: { message: "The statement '{0}' is not supported.", hint: "See docs/subset.md for the supported statements." },
  MTS2002: { message: "The expression '{0}' is not supported.", hint: "See docs/subset.md for the supported expressions." },
  MTS2003: { message: "'var' declarations are not supported.", hint: "Use 'let' or 'const'." },
  MTS2004: {
    message: "The type '{0}' cannot be represented in Go.",
    hint: "Use string, number, boolean, arrays, tuples, Map, Set, Record<string, T>, interfaces, classes, enums and unions of these.",
  },
  MTS2007: { message: "A class can extend only another class of the program or an Error class ('{0}').", hint: "Use composition: hold the other object in a field." },
  MTS2009: { message: "Generics: {0} is not supported.", hint: "Generic functions and classes are compiled once per set of type arguments; call them directly with inferable types." },
  MTS2010: {
    message: "This destructuring pattern is not supported.",
    hint: "Destructure objects, arrays and tuples with names, defaults and rest; read other values one by one.",
  },
  MTS2011: { message: "Spread ('...') is not supported here.", hint: "Spread arrays, Sets and strings into array literals, objects and Records into object literals, arrays into rest parameters." },
  MTS2012: {
    message: "This regular expression uses {0}, which Go's RE2 engine cannot run.",
    hint: "RE2 has no lookaround or backreferences: match more and check the rest in code, or use string methods.",
  },
  MTS2013: { message: "'{0}' is not supported.", hint: "Async functions are supported when every promise is awaited where it is created; generators are not." },
  MTS2014: {
    message: "Loose equality ('{0}') between different types is not supported.",
    hint: "Use '===' / '!==' with operands of the same type; 'x == null' tests for null or undefined.",
  },
  MTS2015: { message: "The '{0}' operator is not supported.", hint: "See docs/subset.md for the supported operators." },
  MTS2016: { message: "'instanceof {0}' is not supported.", hint: "Use instanceof with classes of the program, Error classes, Map, Set, Array, RegExp or Uint8Array." },
  MTS2017: { message: "'{0}' is not supported.", hint: "{1}" },
  MTS2018: { message: "The global '{0}' is not available.", hint: "See docs/subset.md for the supported globals." },
  MTS2020: {
    message: "A value of type '{0}' cannot be used as '{1}' here: the compiled program represents the two differently.",
    hint: "TypeScript accepts it structurally, but the compiled value would be a copy or lose properties. Build a value of the target type explicitly.",
  },
  MTS2021: { message: "This use of a tuple is not supported ({0}).", hint: "Tuples have fixed elements read with constant indices; optional and rest elements are not supported." },
  MTS2022: {
    message: "Top-level statements are not allowed in a plugin module.",
    hint: "Move the code into a function, a class, or the filter's constructor.",
  },
  MTS2024: { message: "This enum is not supported: {0}.", hint: "Enums with constant number or string members are supported; use them through their members (Color.Red)." },
  MTS2025: { message: "This static member is not supported: {0}.", hint: "Static fields and methods declared in non-generic classes are supported." },
  MTS2026: { message: "Parameter properties are supported only in constructors.", hint: "Declare the field in the class body." },
  MTS2027: { message: "A rest parameter is not supported here.", hint: "Rest parameters are supported in functions and methods called directly." },
  MTS2028: { message: "'for...in' over '{0}' is not supported.", hint: "for...in works over objects, Records, arrays and strings; iterate a Map with 'for (const [k, v] of map)'." },
  MTS2029: {
    message: "JSON.parse needs a declared result type.",
    hint: "Write 'const value: MyType = JSON.parse(text)' or 'JSON.parse(text) as MyType'.",
  },
  MTS2030: {
    message: "JSON.stringify of {0} is not supported.",
    hint: "Narrow the value first (e.g. 'x ?? defaultValue'); Errors and functions have no JSON form worth keeping.",
  },
  MTS2031: {
    message: "console.log of {0} is not supported: {1}.",
    hint: "Log err.message or String(err), or the fields you need; narrow unknown values first (typeof / instanceof).",
  },
  MTS2032: { message: "Declarations of kind '{0}' are not supported.", hint: "See docs/subset.md." },
  MTS2033: { message: "'this' is supported only inside class methods, accessors and constructors.", hint: "Pass the value as a parameter." },
  MTS2035: { message: "'{0}' on '{1}' is not supported.", hint: "{2}" },
  MTS2037: {
    message: "This 'for' update cannot be compiled with 'continue' in the loop body.",
    hint: "Update the extra variables at the end of the loop body, or use a while loop.",
  },
  MTS2038: { message: "Classes must be declared at module level, not in {0}.", hint: "Move the class to the top of the module." },
  MTS2039: { message: "Getters and setters in object literals are not supported.", hint: "Use a class with accessors, or plain properties." },
  MTS2041: {
    message: "A promise must be awaited where it is created.",
    hint: "{0}Write 'await f()'. Compiled code blocks in await, so promises left running (or kept in variables) would not interleave as in Node.",
  },
  MTS2042: { message: "The class '{0}' cannot be used as a value.", hint: "Use it with 'new', 'instanceof' or its static members." },
  MTS2043: {
    message: "The method '{0}' cannot be used as a value: JavaScript would lose 'this'.",
    hint: "Wrap it in an arrow function: (x) => obj.method(x).",
  },
  MTS2044: { message: "'{0}' is declared in a base class as another kind of member (field, method, accessor).", hint: "Give the member another name." },
  MTS2045: { message: "The override of '{0}' has another signature than the base method.", hint: "Keep the parameter and result types of the base method." },
  MTS2046: { message: "super() must be called once, as a statement at the top level of the constructor.", hint: "Call super(...) directly in the constructor body." },
  MTS2047: { message: "'{0}' has a getter but no setter.", hint: "Declare a setter, or assign another property." },
  MTS2048: {
    message: "{0} cannot be made to behave exactly as in JavaScript.",
    hint: "{1}",
  },
  MTS2049: { message: "The constant {0} is not a valid {1}.", hint: "Pass an integer in range." },
  MTS2050: {
    message: "This statement may read '{0}' (declared on line {1}) before its declaration runs: JavaScript throws a ReferenceError there.",
    hint: "Move the declaration of '{0}' above this statement.",
  },
  MTS2051: {
    message: "A default export of a value ('export default <expression>') is supported only in the program's entry file, which nothing imports.",
    hint: "Export the value by name: export const answer = ...; and import { answer } from \"./module.js\".",
  },
  MTS2052: {
    message: "The value of '{0}' is either its left operand ('{1}') or its right one ('{2}'), which the compiled program cannot hold in one variable.",
    hint: "As a condition (if, while, ?:, !) it compiles as is; as a value, compare explicitly so that both sides are booleans: {3}.",
  },

  // 3xxx: the SDK and plugin structure.
  MTS3001: {
    message: "The plugin name must be a string literal.",
    hint: "Write name: \"my-plugin\" directly in definePlugin({...}).",
  },
  MTS3002: {
    message: "The module '{0}' must default-export definePlugin({...}).",
    hint: "export default definePlugin<Config>({ name: \"my-plugin\", create: (ctx, config) => new MyFilter(ctx, config) });",
  },
  MTS3003: { message: "definePlugin needs '{0}' written as a property of the object literal." },
  MTS3004: {
    message: "The headers of sendLocalReply must be an object literal or a Record<string, string>.",
    hint: "Write the headers inline: ctx.sendLocalReply(403, body, { \"content-type\": \"text/plain\" }).",
  },
  MTS3005: {
    message: "A config or JSON.parse type cannot contain '{0}'.",
    hint: "A config type (definePlugin<Config>) may hold string, number, boolean, literals and their unions, arrays, Record<string, T> and interfaces; a JSON.parse type also null, tuples and unknown. Neither may be recursive, hold undefined, classes or functions.",
  },
  MTS3006: { message: "'{0}' can only be used directly ('{0}.info(message)', '{0}.level').", hint: "Call the method directly instead of passing the object around." },
  MTS3007: { message: "The plugin name '{0}' is used twice.", hint: "Give each plugin a distinct name." },
  MTS3008: {
    message: "The Config type of definePlugin is unknown.",
    hint: "Give it explicitly: definePlugin<MyConfig>({...}); a plugin without config uses definePlugin<{}>.",
  },
  MTS3009: { message: "The SDK member '{0}' is not supported by the compiler.", hint: "See docs/subset.md (\"The SDK\") for the members the compiler maps to the Go API." },
  MTS3010: { message: "A filter hook must be a method of a class that implements Filter.", hint: "Write class MyFilter implements Filter { decodeHeaders(...) {...} }." },
  MTS3012: { message: "The plugin name '{0}' is reserved for the runtime's built-in consumers plugin.", hint: "Choose another name; consumers are configured in package.json (\"mosn-ts\".consumers)." },
  MTS3011: { message: "The value passed to {0} must be narrowed to one of string, number or boolean.", hint: "Check typeof first, or use a variable of one type." },
  MTS3013: {
    message: "A filter must be an instance of a class that implements Filter, or an object literal of hooks written where a Filter is expected; this is {0}.",
    hint: "The runtime calls a filter's hooks as Go methods: write class MyFilter implements Filter { decodeHeaders(headers, endStream) {...} } and return new MyFilter(ctx, config) from create, or return { decodeHeaders(headers, endStream) {...} } from create (or keep it in a const f: Filter).",
  },

  // 9xxx: internal errors (bugs in the compiler).
  MTS9001: { message: "Internal compiler error: {0}", hint: "This is a bug in mosn-ts; please report it with the TypeScript that triggers it." },
  MTS9002: { message: "Internal compiler error: gofmt rejected the generated Go: {0}", hint: "This is a bug in mosn-ts; please report it." },
  MTS9003: {
    message: "Internal compiler error: the generated Go does not build here: {0}",
    hint: "This is a bug in mosn-ts, not in your code; please report it with the TypeScript that triggers it.",
  },
} as const satisfies Record<string, DiagnosticTemplate>;

export type DiagnosticCode = keyof typeof catalog;

/**
 * Codes of earlier versions for constructs that are supported now. They stay reserved:
 * MTS2005 (unions), MTS2006 (null), MTS2008 (getters/setters), MTS2019 (property order),
 * MTS2023 (assignments as values), MTS2034 (interfaces mixing fields and methods),
 * MTS2036 (optional parameter position), MTS2040 (compound index assignment).
 */
export const RETIRED_CODES = ["MTS2005", "MTS2006", "MTS2008", "MTS2019", "MTS2023", "MTS2034", "MTS2036", "MTS2040"] as const;

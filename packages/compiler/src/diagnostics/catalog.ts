/**
 * Every diagnostic the compiler reports, by stable code. Messages may hold `{0}`, `{1}`
 * placeholders filled by the factory. Codes never change meaning once published.
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
    hint: "Use string, number, boolean, arrays, Map, Set, interfaces, classes, or 'T | undefined'.",
  },
  MTS2005: {
    message: "Union types other than 'T | undefined' and unions of literals are not supported ('{0}').",
    hint: "Model alternatives with an optional field per case, or a string literal union tag.",
  },
  MTS2006: { message: "'null' is not supported.", hint: "Use 'undefined' (an optional value) instead." },
  MTS2007: { message: "Class inheritance ('extends') is not supported.", hint: "Use composition: hold the other object in a field." },
  MTS2008: { message: "Getters and setters are not supported.", hint: "Use a method, e.g. 'getX()'." },
  MTS2009: { message: "Generic type parameters are not supported.", hint: "Write the function for the concrete types it is used with." },
  MTS2010: {
    message: "This destructuring pattern is not supported.",
    hint: "Destructure only identifiers from an object ('const { a, b } = obj'), or read the properties one by one.",
  },
  MTS2011: { message: "Spread ('...') is not supported here.", hint: "Copy with slice(), or push the elements in a loop." },
  MTS2012: { message: "Regular expressions are not supported.", hint: "Use string methods: includes, startsWith, indexOf, split, replaceAll." },
  MTS2013: { message: "'{0}' is not supported: filters run synchronously.", hint: "Remove async/await; hooks are synchronous." },
  MTS2014: {
    message: "Loose equality ('{0}') between different types is not supported.",
    hint: "Use '===' / '!==' with operands of the same type.",
  },
  MTS2015: { message: "The '{0}' operator is not supported.", hint: "See docs/subset.md for the supported operators." },
  MTS2016: {
    message: "'instanceof' is supported only with 'Error' (in a catch clause).",
    hint: "Keep a field that tells the kind of an object.",
  },
  MTS2017: { message: "'{0}' is not supported.", hint: "{1}" },
  MTS2018: { message: "The global '{0}' is not available in filters.", hint: "See docs/subset.md for the supported globals." },
  MTS2019: {
    message: "Object literal properties must be written in the order the type '{0}' declares them ('{1}' comes before '{2}').",
    hint: "Reorder the properties: JSON.stringify and console.log print them in declaration order.",
  },
  MTS2020: {
    message: "A value of type '{0}' cannot be used as '{1}' here: the two are different Go types.",
    hint: "Build a value of the target type explicitly (an object literal, or a class instance).",
  },
  MTS2021: { message: "Tuple types are not supported.", hint: "Use an interface with named fields." },
  MTS2022: {
    message: "Top-level statements are not allowed in a plugin module.",
    hint: "Move the code into a function, a class, or the filter's constructor.",
  },
  MTS2023: { message: "Assignments and increments can be used only as statements.", hint: "Write the assignment on its own line, then use the variable." },
  MTS2024: { message: "Enums other than the SDK's are not supported.", hint: "Use a union of string literals: type Mode = \"a\" | \"b\"." },
  MTS2025: { message: "Static class members are not supported.", hint: "Use a module-level const or function." },
  MTS2026: { message: "Parameter properties are not supported.", hint: "Declare the field in the class body and assign it in the constructor." },
  MTS2027: { message: "Rest parameters are not supported.", hint: "Take an array parameter instead." },
  MTS2028: { message: "'for...in' is supported only over arrays.", hint: "Iterate a Map with 'for (const [k, v] of map)'." },
  MTS2029: {
    message: "JSON.parse needs a declared result type.",
    hint: "Write 'const value: MyType = JSON.parse(text)' or 'JSON.parse(text) as MyType'.",
  },
  MTS2030: {
    message: "JSON.stringify of a value that may be undefined or a function is not supported.",
    hint: "Narrow the value first (e.g. 'x ?? defaultValue').",
  },
  MTS2031: { message: "console.log of a class instance is not supported.", hint: "Log its fields, or JSON.stringify(instance)." },
  MTS2032: { message: "Declarations of kind '{0}' are not supported.", hint: "See docs/subset.md." },
  MTS2033: { message: "'this' is supported only inside class methods and constructors.", hint: "Pass the value as a parameter." },
  MTS2034: {
    message: "An interface that mixes properties and methods is not supported ('{0}').",
    hint: "Split it: an interface of data fields, and one of methods implemented by a class.",
  },
  MTS2035: { message: "'{0}' on '{1}' is not supported.", hint: "{2}" },
  MTS2036: { message: "Optional parameters are supported only at the end of the list." },
  MTS2037: {
    message: "'for' loops with several update expressions are not supported.",
    hint: "Update the extra variables at the end of the loop body.",
  },
  MTS2038: { message: "Functions and classes must be declared at module level or inside functions, not in '{0}'." },
  MTS2039: { message: "Object literals with methods are not supported.", hint: "Use a class." },
  MTS2040: { message: "Array index assignment with compound operators is not supported.", hint: "Write 'a[i] = a[i] + x'." },

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
    message: "The headers of sendLocalReply must be an object literal.",
    hint: "Write the headers inline: ctx.sendLocalReply(403, body, { \"content-type\": \"text/plain\" }).",
  },
  MTS3005: { message: "The config type cannot contain '{0}'.", hint: "Config types are JSON: string, number, boolean, literals, arrays, Record<string, T>, interfaces." },
  MTS3006: { message: "'{0}' can only be called ('{0}.info(message)').", hint: "Call the method directly instead of passing the object around." },
  MTS3007: { message: "The plugin name '{0}' is used twice.", hint: "Give each plugin a distinct name." },
  MTS3008: {
    message: "The Config type of definePlugin is unknown.",
    hint: "Give it explicitly: definePlugin<MyConfig>({...}); a plugin without config uses definePlugin<{}>.",
  },
  MTS3009: { message: "The SDK member '{0}' is not supported by the compiler yet." },
  MTS3010: { message: "A filter hook must be a method of a class that implements Filter.", hint: "Write class MyFilter implements Filter { decodeHeaders(...) {...} }." },

  // 9xxx: internal errors (bugs in the compiler).
  MTS9001: { message: "Internal compiler error: {0}", hint: "This is a bug in mosn-ts; please report it with the TypeScript that triggers it." },
  MTS9002: { message: "Internal compiler error: gofmt rejected the generated Go: {0}", hint: "This is a bug in mosn-ts; please report it." },
} as const satisfies Record<string, DiagnosticTemplate>;

export type DiagnosticCode = keyof typeof catalog;

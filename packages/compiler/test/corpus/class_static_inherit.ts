class Registry {
  static count = 0;
  static readonly prefix: string = "item";
  static nextName(): string {
    Registry.count++;
    return `${Registry.prefix}-${Registry.count}`;
  }
}
class Special extends Registry {
  static special(): string {
    return `special ${Registry.nextName()}`;
  }
}
console.log(Registry.nextName(), Registry.nextName(), Special.special(), Special.count, Special.prefix);
class Config {
  static defaults: Record<string, string> = { mode: "fast" };
  static get(key: string): string {
    return Config.defaults[key] ?? "unset";
  }
}
Config.defaults["level"] = "3";
console.log(Config.get("mode"), Config.get("level"), Config.get("x"));

class Model {
  static table = "models";
  static describe(): string { return `table ${this.table}`; }
  static create(): Model { return new Model(); }
  kind(): string { return "model"; }
}
class User extends Model {
  static override table = "users";
  override kind(): string { return "user"; }
}
console.log(Model.describe(), User.table, Model.table, User.create().kind());

interface Route { path: string; methods: string[]; auth?: { required: boolean; roles: string[] } }
interface Conf { version: number; routes: Route[]; meta: Record<string, string> }
const text = '{"version":2,"routes":[{"path":"/a","methods":["GET"]},{"path":"/b","methods":["POST","PUT"],"auth":{"required":true,"roles":["admin"]}}],"meta":{"owner":"me","z":"last","1":"first"}}';
const c = JSON.parse(text) as Conf;
console.log(c.version, c.routes.length, c.routes[1]?.auth?.roles, c.routes[0]?.auth, Object.keys(c.meta));
console.log(JSON.stringify(c) === text, JSON.stringify(c));

// Ngôn ngữ giao diện: the same module as Tasklist's (see ../../tasklist/scripts/ngon-ngu.js).
import { languageSwitch } from '../../tasklist/scripts/ngon-ngu.js';

export default languageSwitch('cockpit.navigation');

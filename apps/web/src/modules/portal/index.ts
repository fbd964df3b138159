/** What the portal shell and other modules may use of the portal module. */
export { SearchBox } from './components/SearchBox';
export { HelpDrawer } from './components/HelpDrawer';

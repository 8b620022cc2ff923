export { default as InlineSelect } from './inline-select.svelte';

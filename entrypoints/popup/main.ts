// First: asks the worker for the first screen while the rest of the popup loads.
import '@/lib/ui/popup-request';
import { mount } from 'svelte';
import '@/components/theme.css';
import { installPalette } from '@/lib/ui/palette';
import App from './App.svelte';

installPalette();
mount(App, { target: document.getElementById('app')! });

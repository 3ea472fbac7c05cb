import { createRoot } from 'react-dom/client';
import { WelcomeApp } from '@/components/welcome/WelcomeApp';
import '@/components/styles.css';
import '@/components/options/options.css';

createRoot(document.getElementById('root')!).render(<WelcomeApp />);

import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/styles.css';
import '@/components/options/options.css';

createRoot(document.getElementById('root')!).render(<OptionsApp />);

import { createRoot } from 'react-dom/client';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import '@/components/styles.css';

createRoot(document.getElementById('root')!).render(<SidebarApp />);

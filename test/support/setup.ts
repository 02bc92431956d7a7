import { silenceSdkNodeVersionWarning } from '../../local/quiet-warnings';

silenceSdkNodeVersionWarning();

import { BackgroundEffectPicker } from '../components/background-effect-picker';
import { NoiseSuppressionToggle } from '../components/noise-suppression-toggle';

/**
 * Background (none, blur) and noise suppression, shown where the person sets up their camera and
 * microphone: the pre-join screen, the waiting room and the Devices panel. Each is simply not
 * offered where the browser cannot do it; the effect code loads only when one is used.
 */
export function EffectSettings({ assetsUrl }: { assetsUrl: string }) {
  return (
    <>
      <BackgroundEffectPicker assetsUrl={assetsUrl} />
      <NoiseSuppressionToggle assetsUrl={assetsUrl} />
    </>
  );
}

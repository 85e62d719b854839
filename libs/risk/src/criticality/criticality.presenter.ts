import type { UserSummary } from '@lumbung/identity';
import { personRef } from '../register/register.presenter';
import type { RiskAssessment } from '../scoring/risk-formula';
import type { CriticalityResponseDto } from './dto/criticality-response.dto';
import type { CriticalityOverride } from './overrides.repository';

/**
 * A person's criticality after an override: computed and in force, the override in force (if
 * any) and the append-only history, each override naming who set it from `names`.
 */
export function presentCriticality(
  userId: string,
  risk: Pick<RiskAssessment, 'criticalityComputed' | 'criticality'>,
  current: CriticalityOverride | null,
  history: CriticalityOverride[],
  names: ReadonlyMap<string, UserSummary>,
): CriticalityResponseDto {
  const ref = (id: string) => personRef(names, id);
  return {
    userId,
    criticalityComputed: risk.criticalityComputed,
    criticality: risk.criticality,
    override: current
      ? {
          value: current.value as number,
          reason: current.reason,
          setBy: ref(current.setById),
          setAt: current.setAt.toISOString(),
        }
      : null,
    history: history.map((h) => ({
      value: h.value,
      reason: h.reason,
      setBy: ref(h.setById),
      setAt: h.setAt.toISOString(),
    })),
  };
}

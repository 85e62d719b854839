import { Anchor, Progress, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './completeness-meter.module.css';

export interface MissingItem {
  /** The API's key (`section:yang_terjadi`, `tags`…), or its own text. */
  key: string;
  /** What the person sees on the form. */
  label: string;
  /** The field to go to, when the form has one. */
  fieldId?: string;
}

interface CompletenessMeterProps {
  /** 0–1 as the API computed it. */
  value: number;
  missing: MissingItem[];
  onGoTo: (fieldId: string) => void;
}

/**
 * How complete the asset is (the API's `completeness`) and what is still missing, each named by
 * its label on the form and a link to it.
 */
export function CompletenessMeter({ value, missing, onGoTo }: CompletenessMeterProps) {
  const { t } = useTranslation('write');
  const headingId = useId();
  const percent = Math.round(value * 100);
  return (
    <section aria-labelledby={headingId}>
      <Text id={headingId} fw={700} size="sm">
        {t('completeness.title')}
      </Text>
      <Progress.Root size="lg" mt={6}>
        <Progress.Section
          value={percent}
          color={percent >= 100 ? 'green.8' : 'blue.8'}
          aria-label={t('completeness.title')}
        />
      </Progress.Root>
      <Text size="sm" mt={4}>
        {t('completeness.percent', { percent })}
      </Text>
      {missing.length > 0 ? (
        <Stack gap={2} mt="xs">
          <Text size="sm">{t('completeness.missing')}</Text>
          <ul className={classes.list}>
            {missing.map((item) => (
              <li key={item.key}>
                {item.fieldId ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => onGoTo(item.fieldId!)}
                  >
                    {item.label}
                  </Anchor>
                ) : (
                  <Text size="sm" span>
                    {item.label}
                  </Text>
                )}
              </li>
            ))}
          </ul>
        </Stack>
      ) : (
        <Text size="sm" mt="xs" c="teal.9">
          {t('completeness.done')}
        </Text>
      )}
    </section>
  );
}

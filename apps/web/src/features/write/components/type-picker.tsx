import { Button, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import type { AssetType, AssetTypeTemplate } from '../model/draft';
import { ChoiceCards } from './choice-cards';
import classes from './type-picker.module.css';

interface TypePickerProps {
  types: AssetTypeTemplate[];
  initial?: AssetType;
  onChoose: (type: AssetType) => void;
}

/**
 * The first step of writing: one card per type of knowledge, named by the type's label from
 * /asset-types and explained in a sentence, with the sections its template asks for.
 */
export function TypePicker({ types, initial, onChoose }: TypePickerProps) {
  const { t } = useTranslation('write');
  const lang = currentLanguage();
  const [chosen, setChosen] = useState<AssetType | null>(initial ?? null);
  const [error, setError] = useState<string>();
  const choices = types.map((type) => ({
    value: type.type,
    label: type.label[lang],
    description: (
      <>
        {type.description[lang]}
        <span className={classes.sections}>
          {t('type.sections', { sections: type.sections.map((s) => s.label[lang]).join(', ') })}
          {type.requiresAttachment && ` ${t('type.needsFile')}`}
        </span>
      </>
    ),
  }));
  return (
    <Paper withBorder p="md" component="section">
      <Stack gap="md">
        <ChoiceCards<AssetType>
          id="tulis-jenis"
          label={t('type.label')}
          description={t('type.hint')}
          choices={choices}
          value={chosen}
          onChange={(type) => {
            setChosen(type);
            setError(undefined);
          }}
          error={error}
          columns={3}
        />
        <div>
          <Button
            onClick={() => {
              if (chosen) onChoose(chosen);
              else setError(t('type.required'));
            }}
          >
            {t('type.start')}
          </Button>
          <Text size="sm" c="dimmed" mt="xs">
            {t('type.autosave')}
          </Text>
        </div>
      </Stack>
    </Paper>
  );
}

# Даты и сроки так, как их пишут во входных файлах (src/model/date.rs, src/deadline.rs): почему
# дату или срок не удаётся прочитать и что написать вместо них. `text` и `whole` — значения как
# написаны; `date` и `value` — исправленные значения во входном формате; `month` — от 1 до 12.

## Названия месяцев для сообщений ниже.

# Месяц после «в»: «в ноябре».
date-month-in = { $month ->
        [1] январе
        [2] феврале
        [3] марте
        [4] апреле
        [5] мае
        [6] июне
        [7] июле
        [8] августе
        [9] сентябре
        [10] октябре
        [11] ноябре
       *[12] декабре
    }
# Месяц после числа, в родительном падеже: «ноября».
date-month-of = { $month ->
        [1] января
        [2] февраля
        [3] марта
        [4] апреля
        [5] мая
        [6] июня
        [7] июля
        [8] августа
        [9] сентября
        [10] октября
        [11] ноября
       *[12] декабря
    }

## Даты: `programme.date`, `session.date`, даты соглашений, `--session-date`.

date-not-a-date = «{ $text }» — не дата: даты пишутся в виде ГГГГ-ММ-ДД или ДД.ММ.ГГГГ
date-not-real = даты «{ $text }» не существует: { $why }
date-no-month = месяца с номером { $month } нет
# `month` — `date-month-in`.
date-month-days = в { $month } { $year } г. { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }
date-hint-write = укажите дату так: «{ $date }»
# `month` — `date-month-of`.
date-hint-month-ends = последний день { $month } { $year } г. — { $end }; укажите тот день, который имелся в виду
date-hint-form = укажите дату в виде ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, например 2026-11-28 или 28.11.2026

## Сроки: ключ «deadline» мероприятия, флаг `--deadline`.

date-deadline-empty = срок не указан: значение пустое
date-deadline-unknown = не удаётся прочитать срок «{ $text }»
date-deadline-hint-forms = укажите срок в виде 2027-Q2, by 2027-12-01 или так, как он печатается в документе: «до 1 декабря 2027 г.», «II квартал 2027 г.», «ежегодно, IV квартал»
date-deadline-hint-write = укажите срок так: «{ $value }»
date-deadline-hint-by = укажите срок в виде «by ГГГГ-ММ-ДД» или «до 1 декабря 2027 г.»
date-deadline-hint-no-later = укажите срок в виде «no-later ГГГГ-ММ-ДД» или «не позднее 1 декабря 2027 г.»
date-deadline-no-quarter = в сроке «{ $whole }» указан квартал Q{ $q }, а их всего четыре
date-deadline-hint-quarters = укажите квартал от Q1 до Q4 (от I до IV)
date-deadline-not-quarter = в сроке «{ $whole }» «{ $text }» — не квартал
date-deadline-hint-quarter-form = укажите квартал в виде Q1–Q4, например 2027-Q2 или «II квартал 2027 г.»
date-deadline-years-reversed = в сроке «{ $whole }» годы идут в обратном порядке или совпадают
date-deadline-hint-one-year = для одного года укажите «{ $value }»
date-deadline-hint-years-order = укажите сначала более ранний год: «{ $value }»
date-deadline-quarters-reversed = в сроке «{ $whole }» кварталы идут в обратном порядке или совпадают
date-deadline-hint-one-quarter = для одного квартала укажите «{ $value }»
date-deadline-hint-quarters-order = укажите сначала более ранний квартал: «{ $value }»
date-deadline-no-month = в сроке «{ $whole }» указан месяц { $month }, а их всего двенадцать
date-deadline-no-half = в сроке «{ $whole }» указано полугодие H{ $h }, а их всего два
date-deadline-hint-halves = укажите полугодие H1 или H2 (I или II)
date-deadline-not-day-of-year = в сроке «{ $whole }» «{ $text }» — не день года
date-deadline-hint-annually-by = укажите срок в виде «annually by ММ-ДД» или «ежегодно, до 1 февраля»
date-deadline-feb-29 = в сроке «{ $whole }» указано 29 февраля, а этот день есть не в каждом году
date-deadline-hint-feb-29 = укажите «ежегодно, до 28 февраля» или «ежегодно, до 1 марта»

## Отчётные периоды: ключи `progress` мероприятия, `--period`.

date-period-not-period = «{ $text }» — не отчётный период
date-period-no-quarter = в периоде «{ $text }» указан квартал Q{ $q }, а их всего четыре
date-period-hint-forms = укажите год (2027) или квартал (2027-Q2)
date-period-hint-write = укажите период так: «{ $value }»
